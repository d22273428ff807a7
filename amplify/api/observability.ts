import { Duration, Stack } from "aws-cdk-lib";
import * as budgets from "aws-cdk-lib/aws-budgets";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as iam from "aws-cdk-lib/aws-iam";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import type { CvApi } from "./cv-api";

/** The app's Powertools service name and metrics namespace (api/observability.py, SERVICE and METRICS_NAMESPACE). */
export const SERVICE_NAME = "cvmaker-api";
export const METRICS_NAMESPACE = "CvMaker";

/** The counts the app emits in CloudWatch's embedded metric format (api/observability.py, Metric). */
export const APP_METRICS = ["Requests", "ServerErrors", "RenderFailures", "ModelErrors", "Refusals"] as const;
export type AppMetric = (typeof APP_METRICS)[number];

/** Thresholds, each over five minutes. */
export const THRESHOLDS = {
  serverErrorPercent: 5,
  p99LatencyMs: 10_000, // a render can take seconds; API Gateway gives up at 30 s
  throttles: 1,
  renderFailures: 5,
  modelErrors: 5,
} as const;

export interface ApiObservabilityProps {
  api: CvApi;
  /** Where alarms and the budget write, besides the topic; null for none. */
  alarmEmail: string | null;
  /** The account's monthly cost budget in USD; 0 for none (sandboxes: one budget per account is enough). */
  monthlyBudgetUsd: number;
}

/**
 * What an operator watches: alarms on the API's 5xx rate and p99 latency, the function's throttles and the app's
 * render failures and model errors, all to one SNS topic; a dashboard of the same; a monthly cost budget.
 */
export class ApiObservability extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[];
  readonly dashboard: cloudwatch.Dashboard;
  readonly budget: budgets.CfnBudget | null;

  constructor(scope: Construct, id: string, props: ApiObservabilityProps) {
    super(scope, id);
    const { api } = props;
    const period = Duration.minutes(5);

    this.topic = new sns.Topic(this, "Alarms", { displayName: "CV Maker alarms", enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const requests = api.httpApi.metricCount({ period, statistic: "Sum" });
    const serverErrors = api.httpApi.metricServerError({ period, statistic: "Sum" });
    const serverErrorRate = new cloudwatch.MathExpression({
      expression: "IF(requests > 0, 100 * errors / requests, 0)",
      usingMetrics: { requests, errors: serverErrors },
      period,
      label: "5xx (% of requests)",
    });
    const p99 = api.httpApi.metricLatency({ period, statistic: "p99", label: "p99 latency (ms)" });
    const throttles = api.function.metricThrottles({ period, statistic: "Sum" });
    const app = (name: AppMetric) => appMetric(name, period);

    const alarm = (name: string, description: string, metric: cloudwatch.IMetric, threshold: number) => {
      const created = new cloudwatch.Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new actions.SnsAction(this.topic));
      created.addOkAction(new actions.SnsAction(this.topic));
      return created;
    };
    this.alarms = [
      alarm("ServerErrorRate", `5xx answers are ${THRESHOLDS.serverErrorPercent}% of requests or more`, serverErrorRate, THRESHOLDS.serverErrorPercent),
      alarm("P99Latency", `p99 latency is ${THRESHOLDS.p99LatencyMs} ms or more`, p99, THRESHOLDS.p99LatencyMs),
      alarm("Throttles", "Lambda throttled the API (reserved concurrency reached)", throttles, THRESHOLDS.throttles),
      alarm("RenderFailures", "The renderer failed, timed out or ran out of memory", app("RenderFailures"), THRESHOLDS.renderFailures),
      alarm("ModelErrors", "The AI model was unreachable, slow or rate limited", app("ModelErrors"), THRESHOLDS.modelErrors),
    ];

    this.dashboard = new cloudwatch.Dashboard(this, "Dashboard", { defaultInterval: Duration.hours(6) });
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: "Alarms", alarms: this.alarms, width: 24, height: 3 }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: "Requests and 5xx (API Gateway)", left: [requests, serverErrors], right: [serverErrorRate], width: 8 }),
      new cloudwatch.GraphWidget({
        title: "Latency (ms)",
        left: [api.httpApi.metricLatency({ period, statistic: "p50", label: "p50" }), p99],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: "Lambda",
        left: [throttles, api.function.metricErrors({ period, statistic: "Sum" })],
        right: [api.function.metricDuration({ period, statistic: "p99" })],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: "App: requests and 5xx", left: [app("Requests"), app("ServerErrors")], width: 8 }),
      new cloudwatch.GraphWidget({ title: "App: render failures and model errors", left: [app("RenderFailures"), app("ModelErrors")], width: 8 }),
      new cloudwatch.GraphWidget({ title: "App: quota and throttle refusals", left: [app("Refusals")], width: 8 }),
    );

    this.budget = props.monthlyBudgetUsd > 0 ? this.monthlyBudget(props.monthlyBudgetUsd, props.alarmEmail) : null;
  }

  /** The account's cost in a month, told at 80% spent and at 100% forecast. */
  private monthlyBudget(amount: number, email: string | null): budgets.CfnBudget {
    const account = Stack.of(this).account;
    // AWS Budgets publishes as its service principal, from this account only.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "BudgetsPublish",
        principals: [new iam.ServicePrincipal("budgets.amazonaws.com")],
        actions: ["sns:Publish"],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { "aws:SourceAccount": account } },
      }),
    );
    const subscribers = [
      { subscriptionType: "SNS", address: this.topic.topicArn },
      ...(email ? [{ subscriptionType: "EMAIL", address: email }] : []),
    ];
    const notify = (notificationType: "ACTUAL" | "FORECASTED", threshold: number) => ({
      notification: { notificationType, comparisonOperator: "GREATER_THAN", threshold, thresholdType: "PERCENTAGE" },
      subscribers,
    });
    return new budgets.CfnBudget(this, "MonthlyBudget", {
      budget: { budgetType: "COST", timeUnit: "MONTHLY", budgetLimit: { amount, unit: "USD" } },
      notificationsWithSubscribers: [notify("ACTUAL", 80), notify("FORECASTED", 100)],
    });
  }
}

/** One of the app's counts: the `service` dimension is the one Powertools adds to every metric. */
export function appMetric(name: AppMetric, period: Duration): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: SERVICE_NAME },
    statistic: "Sum",
    period,
  });
}
