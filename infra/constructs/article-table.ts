import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** The table's key design as shared/store/keys.ts declares it (the one module that knows key formats). */
export interface TableDesign {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly ttlAttribute: string;
  /** The attribute naming the kind of item; the stream filter passes items whose value is "article". */
  readonly typeAttribute: string;
  readonly indexes: readonly { readonly name: string; readonly partitionKey: string; readonly sortKey: string; readonly projection: 'KEYS_ONLY' | 'ALL' }[];
}

export interface ArticleTableProps {
  readonly design: TableDesign;
  /** @default RemovalPolicy.RETAIN (articles and alert history survive `cdk destroy`) */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The single table: articles, feed state and alert records. On-demand (a pass is bursty and small),
 * point-in-time recovery, encrypted with the AWS-managed key, expired by TTL after retentionDays,
 * and a NEW_IMAGE stream that feeds the alert function.
 */
export class ArticleTable extends Construct {
  readonly table: dynamodb.Table;
  readonly indexNames: readonly string[];
  /** The attribute naming the kind of item (the stream filter reads it). */
  readonly typeAttribute: string;

  constructor(scope: Construct, id: string, props: ArticleTableProps) {
    super(scope, id);
    const { design } = props;
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: key(design.partitionKey),
      sortKey: key(design.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: design.ttlAttribute,
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      deletionProtection: (props.removalPolicy ?? RemovalPolicy.RETAIN) === RemovalPolicy.RETAIN,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const index of design.indexes) {
      this.table.addGlobalSecondaryIndex({ indexName: index.name, partitionKey: key(index.partitionKey), sortKey: key(index.sortKey), projectionType: dynamodb.ProjectionType[index.projection] });
    }
    this.indexNames = design.indexes.map((i) => i.name);
    this.typeAttribute = design.typeAttribute;
  }
}
