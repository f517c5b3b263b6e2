// AWS Control Tower's proactive controls, run at synth by the cfn-guard validator: `cdk synth`
// fails on any violation of a control that is not disabled here. Each disabled control carries the
// one-line reason docs/DEPLOY.md repeats (test/infra/controls.test.ts keeps the two in step).
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type { Profile } from './profile';

/** A control the stack does not meet on purpose, and why. */
export interface DisabledControl {
  /** As Control Tower names it: CT.LAMBDA.PR.3. */
  readonly id: string;
  /** The profiles it is disabled in. */
  readonly profiles: readonly Profile[];
  readonly reason: string;
}

export const DISABLED_CONTROLS: readonly DisabledControl[] = [
  {
    id: 'CT.LAMBDA.PR.3',
    profiles: ['standard', 'lean'],
    reason: 'functions run outside a VPC: they reach public feeds and AWS APIs only, and the NAT gateway a VPC would need costs about $33 a month, more than the whole pipeline',
  },
  {
    id: 'CT.CLOUDWATCH.PR.3',
    profiles: ['lean'],
    reason: 'the lean profile has no customer-managed KMS key ($1 a month, half its budget): its log groups keep CloudWatch Logs\' own server-side encryption',
  },
];

/** The cfn-guard rule file name of a control: CT.LAMBDA.PR.3 → ct-lambda-pr-3. */
export function ruleName(id: string): string {
  return id.toLowerCase().replace(/\./g, '-');
}

/** The Control Tower validator for a profile, with that profile's disabled controls. */
export function controlTowerValidator(profile: Profile): CfnGuardValidator {
  return new CfnGuardValidator({
    controlTowerRulesEnabled: true,
    disabledRules: DISABLED_CONTROLS.filter((c) => c.profiles.includes(profile)).map((c) => ruleName(c.id)),
    // The templates of this stack make cfn-guard's report larger than Node's default 1 MB buffer.
    maxBuffer: 32 * 1024 * 1024,
  });
}
