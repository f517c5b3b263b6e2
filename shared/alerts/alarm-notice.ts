// The lean profile's alarm notifications: CloudWatch invokes the notify function with the alarm's
// state change, and this turns it into the ops topic's message (CloudWatch cannot publish to a
// topic encrypted with alias/aws/sns itself).

/** The part of CloudWatch's Lambda alarm-action event that the notice uses. */
export interface AlarmEvent {
  alarmArn?: string;
  region?: string;
  time?: string;
  alarmData?: {
    alarmName?: string;
    state?: { value?: string; reason?: string; timestamp?: string };
    previousState?: { value?: string };
    configuration?: { description?: string };
  };
}

/** Subject (ASCII, < 100 characters, as SNS requires) and text of the notification for an alarm state change. */
export function alarmNotice(event: AlarmEvent): { subject: string; message: string } {
  const d = event.alarmData ?? {};
  const name = d.alarmName ?? 'unknown alarm';
  const state = d.state?.value ?? 'UNKNOWN';
  const subject = `${state}: ${name}`.replace(/[^\x20-\x7e]/g, '?').slice(0, 99);
  const lines = [
    `${name} is ${state}${d.previousState?.value ? ` (was ${d.previousState.value})` : ''}.`,
    '',
    d.configuration?.description ?? '',
    '',
    `Reason: ${d.state?.reason ?? 'not given'}`,
    `Time:   ${d.state?.timestamp ?? event.time ?? ''}`,
    `Alarm:  ${event.alarmArn ?? ''}`,
  ];
  return { subject, message: lines.join('\n') };
}
