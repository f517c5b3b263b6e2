// AWS list prices used by the cost model: us-east-1, on-demand, checked against the public price
// pages in 2026. Each is printed with the estimate so a user can check it against their region.
export const PRICES = {
  lambdaGbSecondArm: 0.0000133334, // $ per GB-second, arm64
  lambdaRequest: 0.2 / 1e6, // $ per invocation
  dynamoWriteUnit: 0.625 / 1e6, // $ per write request unit, on-demand
  dynamoReadUnit: 0.125 / 1e6, // $ per read request unit, on-demand
  dynamoStorageGbMonth: 0.25,
  dynamoPitrGbMonth: 0.2,
  sqsRequest: 0.4 / 1e6, // standard queue, per 64 KB request
  snsPublish: 0.5 / 1e6, // per publish (64 KB chunk)
  snsEmail: 2.0 / 1e5, // per email notification
  smsUs: 0.00883, // per SMS to a US number incl. carrier fee; other countries differ widely
  schedulerInvocation: 1.0 / 1e6, // after 14 M free invocations a month
  logsIngestGb: 0.5,
  logsStorageGbMonth: 0.03,
  customMetric: 0.3, // per metric per month (first 10 free, always)
  alarm: 0.1, // per standard-resolution alarm per month (first 10 free, always)
  dashboard: 3.0, // per dashboard per month (first 3 free, always)
  kmsKeyMonth: 1.0, // per customer-managed key
  kmsRequest: 0.03 / 1e4,
} as const;
