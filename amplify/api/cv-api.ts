import { CfnOutput, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { METRICS_NAMESPACE, SERVICE_NAME } from "./observability";

/** The repository's LSI over a user's CV heads (cvmaker/adapters/aws/dynamodb_cv_repository.py, CV_LIST_INDEX). */
export const CV_LIST_INDEX = "cvList";
/** Epoch seconds after which DynamoDB deletes an item (upload records). */
export const TTL_ATTRIBUTE = "expiresAt";
/** Objects tagged so (the upload's presigned POST sets it) expire: lifecycle filters take a prefix or tags, not a
 * wildcard, and uploads live under each user's prefix, `users/<sub>/uploads/`. */
export const UPLOAD_TAG = { key: "cvmaker-kind", value: "upload" } as const;
/** Rendered files (the S3 adapter tags them when it puts them) are a cache: gone after a week, rendered again when
 * asked for (cvmaker/services/expiry.py, RENDER_LIFETIME). */
export const RENDER_TAG = { key: "cvmaker-kind", value: "render" } as const;
export const RENDER_OBJECTS = "users/*/renders/*";
export const USER_OBJECTS = "users/*";
export const UPLOAD_OBJECTS = "users/*/uploads/*";
/** A person's data export (privacy.exports_prefix), tagged like an upload: gone after a day. */
export const EXPORT_OBJECTS = "users/*/exports/*";

export interface CvApiProps {
  image: lambda.DockerImageCode;
  userPool: cognito.IUserPool;
  /** App clients whose access tokens the API accepts: the web app's and each integrator's. */
  clientIds: string[];
  webOrigins: string[];
  openAiSecretName: string | null;
  pineconeSecretName: string | null;
  pineconeHost: string | null;
  reservedConcurrency: number;
  /** Sandboxes are thrown away with their data; a branch keeps its table and bucket when the stack goes. */
  keepData: boolean;
  memoryMiB?: number;
}

/**
 * The API in AWS: the ASGI app in a container-image Lambda behind an HTTP API, its DynamoDB table and S3
 * bucket, and read access to the AI keys' secrets. Everything the function may touch is granted here, by name.
 */
export class CvApi extends Construct {
  readonly table: dynamodb.Table;
  readonly bucket: s3.Bucket;
  readonly function: lambda.DockerImageFunction;
  readonly httpApi: apigw.HttpApi;
  readonly url: string;

  constructor(scope: Construct, id: string, props: CvApiProps) {
    super(scope, id);
    const removalPolicy = props.keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.table = new dynamodb.Table(this, "Table", {
      partitionKey: { name: "PK", type: dynamodb.AttributeType.STRING },
      sortKey: { name: "SK", type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: props.keepData,
      removalPolicy,
    });
    // Local, so it can only be made with the table; see cvmaker/adapters/aws/provisioning.py.
    this.table.addLocalSecondaryIndex({
      indexName: CV_LIST_INDEX,
      sortKey: { name: "cvId", type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    this.bucket = new s3.Bucket(this, "Files", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true, // an overwrite or delete by mistake can be undone for 30 days
      cors: [
        {
          // Presigned POST uploads from the browser; GET for downloads the web app fetches.
          allowedOrigins: props.webOrigins,
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedHeaders: ["*"],
          maxAge: 600,
        },
      ],
      lifecycleRules: [
        { id: "expire-uploads", tagFilters: { [UPLOAD_TAG.key]: UPLOAD_TAG.value }, expiration: Duration.days(1) },
        { id: "expire-renders", tagFilters: { [RENDER_TAG.key]: RENDER_TAG.value }, expiration: Duration.days(7) },
        { id: "forget-old-versions", noncurrentVersionExpiration: Duration.days(30) },
        { id: "abort-incomplete-uploads", abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy,
      autoDeleteObjects: !props.keepData,
    });

    const secrets = {
      openAi: props.openAiSecretName ? secretsmanager.Secret.fromSecretNameV2(this, "OpenAiKey", props.openAiSecretName) : null,
      pinecone: props.pineconeSecretName
        ? secretsmanager.Secret.fromSecretNameV2(this, "PineconeKey", props.pineconeSecretName)
        : null,
    };

    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const region = Stack.of(this).region;
    this.function = new lambda.DockerImageFunction(this, "Function", {
      code: props.image,
      architecture: lambda.Architecture.X86_64,
      memorySize: props.memoryMiB ?? 2048,
      // API Gateway gives up on an integration after 30 s; the app's own budgets (OpenAI 20 s, render) fit inside.
      timeout: Duration.seconds(29),
      ...(props.reservedConcurrency > 0 ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE, // X-Ray: Powertools' Tracer adds the app's subsegments (api/observability_aws.py)
      description: "CV Maker GraphQL API (ASGI app through Mangum)",
      environment: {
        CVMAKER_ENV: "production",
        CVMAKER_STORAGE: "dynamodb",
        CVMAKER_BLOBS: "s3",
        CVMAKER_AUTH: "cognito",
        CVMAKER_COGNITO_ISSUER: `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
        CVMAKER_COGNITO_CLIENT_IDS: props.clientIds.join(","),
        CVMAKER_DYNAMODB_TABLE: this.table.tableName,
        CVMAKER_S3_BUCKET: this.bucket.bucketName,
        CVMAKER_PUBLIC_URL: props.webOrigins[0],
        CVMAKER_DATA_DIR: "/tmp/cvmaker",
        CVMAKER_RENDER_WORKERS: "1",
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        // The keys themselves stay in Secrets Manager: only their ARNs are configuration.
        ...(secrets.openAi
          ? { CVMAKER_WRITER: "openai", CVMAKER_EMBEDDINGS: "openai", CVMAKER_OPENAI_SECRET_ARN: secrets.openAi.secretArn }
          : {}),
        ...(secrets.pinecone
          ? { CVMAKER_VECTORS: "pinecone", CVMAKER_PINECONE_HOST: props.pineconeHost ?? "", CVMAKER_PINECONE_SECRET_ARN: secrets.pinecone.secretArn }
          : {}),
      },
    });
    this.grantLeastPrivilege(secrets, props.userPool.userPoolArn);

    this.httpApi = new apigw.HttpApi(this, "HttpApi", {
      description: "CV Maker API",
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.webOrigins,
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.OPTIONS],
        allowHeaders: ["authorization", "content-type"],
        maxAge: Duration.minutes(10),
      },
      // The app verifies every token itself (RS256, issuer, client, token_use, scopes), and a few operations are
      // public, so the gateway forwards everything; throttling below caps what a flood can cost.
      defaultIntegration: new HttpLambdaIntegration("App", this.function),
    });
    const stage = this.httpApi.addStage("Stage", {
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    this.url = stage.url.replace(/\/$/, "");
    new CfnOutput(this, "ApiUrl", { value: this.url });
  }

  /** Exactly the calls the adapters make, on exactly this table, this bucket's user objects and these secrets. */
  private grantLeastPrivilege(secrets: Record<string, secretsmanager.ISecret | null>, userPoolArn: string): void {
    const role = this.function.role!;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "TableItems",
        // Transactions are authorized as their Put and Delete parts; there is no separate action for them.
        // UpdateItem: quota counters and session cut-offs are atomic adds (storage/dynamodb_quotas.py,
        // privacy/session_cutoffs.py).
        actions: [
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
        ],
        resources: [this.table.tableArn, `${this.table.tableArn}/index/${CV_LIST_INDEX}`],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "UserObjects",
        actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
        resources: [this.bucket.arnForObjects(USER_OBJECTS)],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // A put (or presigned POST) that sets an expiry tag is authorized as tagging too.
        sid: "TagUploads",
        actions: ["s3:PutObjectTagging"],
        resources: [
          this.bucket.arnForObjects(UPLOAD_OBJECTS),
          this.bucket.arnForObjects(RENDER_OBJECTS),
          this.bucket.arnForObjects(EXPORT_OBJECTS),
        ],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // Without it a missing key answers 403 instead of 404, and `exists` cannot tell "absent" from "denied".
        sid: "ListBucket",
        actions: ["s3:ListBucket"],
        resources: [this.bucket.bucketArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // deleteMyAccount ends the person's sessions and deletes their user (adapters/privacy/cognito_identities.py).
        sid: "DeleteOwnUser",
        actions: ["cognito-idp:ListUsers", "cognito-idp:AdminUserGlobalSignOut", "cognito-idp:AdminDeleteUser"],
        resources: [userPoolArn],
      }),
    );
    const secretArns = Object.values(secrets)
      .filter((secret): secret is secretsmanager.ISecret => secret !== null)
      .map((secret) => `${secret.secretArn}-??????`);
    if (secretArns.length > 0) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ sid: "AiKeys", actions: ["secretsmanager:GetSecretValue"], resources: secretArns }),
      );
    }
  }
}
