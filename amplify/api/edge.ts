import { RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as ssm from "aws-cdk-lib/aws-ssm";
import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import * as cr from "aws-cdk-lib/custom-resources";
import { Construct } from "constructs";
import type { CvApi } from "./cv-api";

/**
 * The API's front door: a CloudFront distribution with a WAF web ACL, in front of the HTTP API.
 *
 * WAF cannot attach to an API Gateway HTTP API (only to REST APIs, ALBs, AppSync, Cognito and the like); it can
 * attach to a CloudFront distribution, with a web ACL of CLOUDFRONT scope, which must be made in us-east-1. So the
 * web ACL lives in a stack of its own there (`EdgeFirewallStack`) and publishes its ARN in an SSM parameter; the
 * distribution, in the API's stack and region, reads it back with a custom resource (an Amplify stack has no
 * fixed region, so CDK's own cross-region references cannot be used). docs/security.md tells why.
 *
 * The execute-api address stays reachable, so CloudFront sends a secret header the Lambda handler checks
 * (api/lambda_handler.py, CVMAKER_ORIGIN_VERIFY): a request that went around the firewall is refused.
 */

export const EDGE_REGION = "us-east-1";
export const ORIGIN_VERIFY_HEADER = "x-origin-verify";

export interface EdgeFirewallProps extends StackProps {
  /** Where the web ACL's ARN is published, in us-east-1. */
  parameterName: string;
  /** Requests one IP address may make in five minutes before it is blocked until it slows down. */
  rateLimit: number;
}

export class EdgeFirewallStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION } });
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    this.webAcl = new wafv2.CfnWebACL(this, "WebAcl", {
      scope: "CLOUDFRONT",
      description: "CV Maker API - a per-IP rate limit and the AWS known bad inputs rules",
      defaultAction: { allow: {} },
      visibilityConfig: visibility("cvmaker-api"),
      rules: [
        {
          name: "rate-per-ip",
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimit, aggregateKeyType: "IP", evaluationWindowSec: 300 } },
          visibilityConfig: visibility("cvmaker-api-rate-per-ip"),
        },
        {
          name: "aws-known-bad-inputs",
          priority: 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesKnownBadInputsRuleSet" } },
          visibilityConfig: visibility("cvmaker-api-known-bad-inputs"),
        },
      ],
    });
    new ssm.StringParameter(this, "WebAclArn", {
      parameterName: props.parameterName,
      stringValue: this.webAcl.attrArn,
      description: "The CV Maker API's web ACL, read by its CloudFront distribution in the API's region",
    });
  }
}

export interface ApiEdgeProps {
  api: CvApi;
  /** The SSM parameter in us-east-1 that holds the web ACL's ARN (EdgeFirewallStack's). */
  webAclArnParameter: string;
}

export class ApiEdge extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiEdgeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const webAclArn = new cr.AwsCustomResource(this, "WebAclArn", {
      onUpdate: {
        service: "SSM",
        action: "getParameter",
        parameters: { Name: props.webAclArnParameter },
        region: EDGE_REGION,
        // Read on every deployment: a replaced web ACL has a new ARN.
        physicalResourceId: cr.PhysicalResourceId.of(`${props.webAclArnParameter}@${Date.now()}`),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({
        resources: [stack.formatArn({ service: "ssm", region: EDGE_REGION, resource: "parameter", resourceName: props.webAclArnParameter.replace(/^\//, "") })],
      }),
      installLatestAwsSdk: false,
    });

    const originSecret = new secretsmanager.Secret(this, "OriginVerify", {
      description: "CloudFront's proof to the CV Maker API that a request came through the firewall",
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const proof = originSecret.secretValue.unsafeUnwrap(); // a dynamic reference, resolved by CloudFormation

    const toApi: cloudfront.BehaviorOptions = {
      origin: new origins.HttpOrigin(`${props.api.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        customHeaders: { [ORIGIN_VERIFY_HEADER]: proof },
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      // Every answer is per user: nothing is cached, and every viewer header (Authorization, Origin) but Host
      // goes to the API.
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: "CV Maker API",
      defaultBehavior: toApi,
      // Share links' public pages (api/share_routes.py): to the API, never cached (each view is counted, and a
      // password-protected page is per visitor), with the visitor's cookie and the POST of the password form.
      additionalBehaviors: { "/s/*": toApi },
      webAclId: webAclArn.getResponseField("Parameter.Value"),
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
    });
    props.api.function.addEnvironment("CVMAKER_ORIGIN_VERIFY", proof);
    this.url = `https://${this.distribution.distributionDomainName}`;
    // Share links are served through this distribution, and their password cookies are signed with one key shared
    // by every instance of the function (api/settings.py: share_url, share_secret).
    const shareSecret = new secretsmanager.Secret(this, "ShareCookieKey", {
      description: "Signs the cookies that open CV Maker's password-protected share links",
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    props.api.function.addEnvironment("CVMAKER_SHARE_SECRET", shareSecret.secretValue.unsafeUnwrap());
    props.api.function.addEnvironment("CVMAKER_SHARE_URL", this.url);
  }
}
