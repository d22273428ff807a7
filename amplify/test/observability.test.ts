import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { readDeploymentConfig } from "../config";
import { ApiEdge, EdgeFirewallStack } from "../api/edge";
import { ApiObservability, APP_METRICS, METRICS_NAMESPACE, SERVICE_NAME } from "../api/observability";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as ecr from "aws-cdk-lib/aws-ecr";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { CvApi } from "../api/cv-api";
import { WEB_ORIGIN } from "./stacks";

/** The API in a plain stack, not yet synthesized (stacks.ts's apiStack synthesizes it at once). */
function unsynthesized(): { stack: Stack; api: CvApi } {
  const stack = new Stack(new App(), "Api", { env: { account: "123456789012", region: "eu-west-1" } });
  const api = new CvApi(stack, "CvApi", {
    image: lambda.DockerImageCode.fromEcr(ecr.Repository.fromRepositoryName(stack, "Images", "cvmaker-api"), { tagOrDigest: "v1" }),
    userPool: new cognito.UserPool(stack, "Pool"),
    clientIds: ["web-client"],
    webOrigins: [WEB_ORIGIN],
    openAiSecretName: null,
    pineconeSecretName: null,
    pineconeHost: null,
    reservedConcurrency: 10,
    keepData: false,
  });
  return { stack, api };
}

const IMAGE = { CVMAKER_API_IMAGE_REPOSITORY: "cvmaker-api", CVMAKER_API_IMAGE_TAG: "sha256:abc", CVMAKER_WEB_ORIGINS: "https://cv.example.com" };

describe("observability and edge settings", () => {
  it("put a firewall and a budget on branches, not on sandboxes, unless told", () => {
    const sandbox = readDeploymentConfig({}, "sandbox", "jane");
    assert.equal(sandbox.edge, false);
    assert.equal(sandbox.monthlyBudgetUsd, 0);
    assert.equal(sandbox.alarmEmail, null);
    const branch = readDeploymentConfig(IMAGE, "branch", "main");
    assert.equal(branch.edge, true);
    assert.equal(branch.monthlyBudgetUsd, 100);
    assert.equal(branch.wafRateLimit, 2000);
    const told = readDeploymentConfig({ ...IMAGE, CVMAKER_EDGE: "off", CVMAKER_MONTHLY_BUDGET_USD: "0" }, "branch", "main");
    assert.equal(told.edge, false);
    assert.equal(told.monthlyBudgetUsd, 0);
  });

  it("refuse what would deploy something else than meant", () => {
    assert.throws(() => readDeploymentConfig({ CVMAKER_EDGE: "yes" }, "sandbox", "x"), /on or off/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_MONTHLY_BUDGET_USD: "-5" }, "sandbox", "x"), /whole number/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_WAF_RATE_LIMIT: "5" }, "sandbox", "x"), /from 10/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_ALARM_EMAIL: "ops" }, "sandbox", "x"), /not an email/);
  });
});

describe("the API's observability", () => {
  it("alarms on the app's own metrics under the service Powertools names", () => {
    const { stack, api } = unsynthesized();
    new ApiObservability(stack, "Observability", { api, alarmEmail: null, monthlyBudgetUsd: 0 });
    const template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudWatch::Alarm", 5);
    template.resourceCountIs("AWS::Budgets::Budget", 0);
    for (const name of ["RenderFailures", "ModelErrors"]) {
      assert.ok(APP_METRICS.includes(name as (typeof APP_METRICS)[number]));
      template.hasResourceProperties("AWS::CloudWatch::Alarm", {
        MetricName: name,
        Namespace: METRICS_NAMESPACE,
        Dimensions: [{ Name: "service", Value: SERVICE_NAME }],
      });
    }
    template.hasResourceProperties("AWS::Lambda::Function", { TracingConfig: { Mode: "Active" } });
  });

  it("puts the distribution's origin proof on the function, and the web ACL in us-east-1", () => {
    const { stack, api } = unsynthesized();
    const edge = new ApiEdge(stack, "Edge", { api, webAclArnParameter: "/cvmaker/test/web-acl-arn" });
    assert.match(stack.resolve(edge.url)["Fn::Join"][1][0], /^https:\/\//);
    const template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudFront::Distribution", 1);
    const firewall = new EdgeFirewallStack(new App(), "Firewall", { parameterName: "/cvmaker/test/web-acl-arn", rateLimit: 100 });
    assert.equal(Stack.of(firewall).region, "us-east-1");
    Template.fromStack(firewall).hasResourceProperties("AWS::WAFv2::WebACL", { Scope: "CLOUDFRONT" });
  });
});
