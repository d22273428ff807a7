import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Match } from "aws-cdk-lib/assertions";
import { apiStack, only, WEB_ORIGIN } from "./stacks";

describe("the table", () => {
  const { template } = apiStack();

  it("has the repository's keys, on-demand billing, point-in-time recovery and expiring items", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: [
        { AttributeName: "PK", KeyType: "HASH" },
        { AttributeName: "SK", KeyType: "RANGE" },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: "PK", AttributeType: "S" },
        { AttributeName: "SK", AttributeType: "S" },
        { AttributeName: "cvId", AttributeType: "S" },
      ]),
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it("is made with the local index the CV list reads (an LSI cannot be added later)", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      LocalSecondaryIndexes: [
        {
          IndexName: "cvList",
          KeySchema: [
            { AttributeName: "PK", KeyType: "HASH" },
            { AttributeName: "cvId", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
      ],
    });
  });

  it("outlives its stack on a branch, and goes with it in a sandbox", () => {
    template.hasResource("AWS::DynamoDB::Table", { DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" });
    const sandbox = apiStack({ keepData: false }).template;
    sandbox.hasResource("AWS::DynamoDB::Table", { DeletionPolicy: "Delete" });
    sandbox.hasResourceProperties("AWS::DynamoDB::Table", { DeletionProtectionEnabled: false });
  });
});

describe("the bucket", () => {
  const { template } = apiStack();

  it("blocks every kind of public access, encrypts, keeps versions and refuses plain HTTP", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
      VersioningConfiguration: { Status: "Enabled" },
      OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("lets only the web app's origin post uploads from the browser", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedOrigins: [WEB_ORIGIN], AllowedMethods: Match.arrayWith(["POST"]) })],
      },
    });
  });

  it("expires uploads the day after, and old versions after 30 days", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Id: "expire-uploads",
            Status: "Enabled",
            ExpirationInDays: 1,
            TagFilters: [{ Key: "cvmaker-kind", Value: "upload" }],
          }),
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
        ]),
      },
    });
  });
});

describe("the function", () => {
  const { stack, api, template } = apiStack();
  const fn = only(template, "AWS::Lambda::Function").resource;
  const env: Record<string, unknown> = fn.Properties.Environment.Variables;

  it("is the container image, capped by reserved concurrency, inside API Gateway's time limit", () => {
    assert.equal(fn.Properties.PackageType, "Image");
    assert.equal(fn.Properties.ReservedConcurrentExecutions, 10);
    assert.ok(fn.Properties.Timeout <= 29, "API Gateway stops waiting at 30 s");
    assert.equal(apiStack({ reservedConcurrency: 0 }).template.toJSON().Resources[only(template, "AWS::Lambda::Function").id].Properties.ReservedConcurrentExecutions, undefined);
  });

  it("runs the cloud shape, reading its own table and bucket", () => {
    assert.equal(env.CVMAKER_ENV, "production");
    assert.equal(env.CVMAKER_STORAGE, "dynamodb");
    assert.equal(env.CVMAKER_BLOBS, "s3");
    assert.equal(env.CVMAKER_AUTH, "cognito");
    assert.deepEqual(stack.resolve(api.table.tableName), env.CVMAKER_DYNAMODB_TABLE);
    assert.deepEqual(stack.resolve(api.bucket.bucketName), env.CVMAKER_S3_BUCKET);
    assert.equal(env.CVMAKER_COGNITO_CLIENT_IDS, "web-client,acme-client");
    assert.match(JSON.stringify(env.CVMAKER_COGNITO_ISSUER), /https:\/\/cognito-idp\./);
  });

  it("is given the secrets' ARNs, never a key", () => {
    for (const name of Object.keys(env)) assert.doesNotMatch(name, /API_KEY$/, `${name} would put a key in the configuration`);
    assert.match(JSON.stringify(env.CVMAKER_OPENAI_SECRET_ARN), /:secret:cvmaker\/openai/);
    assert.match(JSON.stringify(env.CVMAKER_PINECONE_SECRET_ARN), /:secret:cvmaker\/pinecone/);
    const local = only(apiStack({ openAiSecretName: null, pineconeSecretName: null }).template, "AWS::Lambda::Function");
    const localEnv = local.resource.Properties.Environment.Variables;
    assert.equal(localEnv.CVMAKER_OPENAI_SECRET_ARN, undefined);
    assert.equal(localEnv.CVMAKER_WRITER, undefined, "without a key the app keeps its offline writer");
  });

  it("keeps its logs for 30 days, in JSON", () => {
    template.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 30 });
    assert.equal(fn.Properties.LoggingConfig.LogFormat, "JSON");
  });
});

describe("the function's permissions", () => {
  const { stack, api, template } = apiStack();
  const role = only(template, "AWS::Lambda::Function").resource.Properties.Role;
  const policies = Object.values(template.findResources("AWS::IAM::Policy")).filter((policy: any) =>
    JSON.stringify(policy.Properties.Roles).includes(JSON.stringify(role["Fn::GetAtt"][0])),
  );
  const statements: any[] = policies.flatMap((policy: any) => policy.Properties.PolicyDocument.Statement);
  const table = JSON.stringify(stack.resolve(api.table.tableArn));
  const bucket = JSON.stringify(stack.resolve(api.bucket.bucketArn));

  it("are exactly the calls the adapters make", () => {
    const actions = statements.flatMap((statement) => [statement.Action].flat()).sort();
    assert.deepEqual(actions, [
      "cognito-idp:AdminDeleteUser", "cognito-idp:AdminUserGlobalSignOut", "cognito-idp:ListUsers",
      "dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query",
      "dynamodb:UpdateItem",
      "s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:PutObjectTagging",
      "secretsmanager:GetSecretValue",
      // Active tracing: the X-Ray daemon's two calls (api/observability_aws.py).
      "xray:PutTelemetryRecords", "xray:PutTraceSegments",
    ]);
    assert.ok(statements.every((statement) => statement.Effect === "Allow" && !statement.Condition));
  });

  it("name only this table and its index, this bucket's user objects and the two secrets", () => {
    for (const statement of statements) {
      for (const resource of [statement.Resource].flat()) {
        const text = JSON.stringify(resource);
        const service = [statement.Action].flat()[0].split(":")[0];
        // X-Ray's trace calls have no resource to name: "*" is the only form IAM accepts for them.
        if (service === "xray") continue;
        assert.notEqual(resource, "*", `${statement.Sid} reaches every resource`);
        if (service === "dynamodb") assert.ok(text.includes(table.slice(1, -1)), `${text} is not this table`);
        if (service === "s3") assert.ok(text.includes(bucket.slice(1, -1)), `${text} is not this bucket`);
        if (service === "secretsmanager") assert.match(text, /:secret:cvmaker\/(openai|pinecone)-\?{6}/);
        if (service === "cognito-idp") assert.match(text, /"Pool[0-9A-F]+","Arn"/, `${text} is not the user pool`);
      }
    }
    const objects = statements.find((statement) => statement.Sid === "UserObjects");
    assert.match(JSON.stringify(objects.Resource), /\/users\/\*"/);
    const index = statements.find((statement) => statement.Sid === "TableItems");
    assert.match(JSON.stringify(index.Resource), /\/index\/cvList/);
  });

  it("include no secret at all when no AI keys are configured", () => {
    const bare = apiStack({ openAiSecretName: null, pineconeSecretName: null }).template;
    assert.doesNotMatch(JSON.stringify(bare.findResources("AWS::IAM::Policy")), /secretsmanager/);
  });
});

describe("the HTTP API", () => {
  const { template } = apiStack();

  it("forwards every route to the function, throttled, with CORS for the web app only", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      ProtocolType: "HTTP",
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [WEB_ORIGIN],
        AllowHeaders: ["authorization", "content-type"],
      }),
    });
    template.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "$default" });
    template.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      IntegrationType: "AWS_PROXY",
      PayloadFormatVersion: "2.0", // the event shape Mangum reads
    });
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });
});
