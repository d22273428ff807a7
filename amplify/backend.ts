import { defineBackend } from "@aws-amplify/backend";
import { Stack } from "aws-cdk-lib";
import * as ecr from "aws-cdk-lib/aws-ecr";
import { Platform } from "aws-cdk-lib/aws-ecr-assets";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { fileURLToPath } from "node:url";
import { CvApi } from "./api/cv-api";
import { ApiEdge, EdgeFirewallStack } from "./api/edge";
import { ApiObservability } from "./api/observability";
import { addIntegratorAccess } from "./auth/integrators";
import { auth } from "./auth/resource";
import { readDeploymentConfig } from "./config";

/** The repository's root: the container image's build context (filtered by its .dockerignore). */
const REPOSITORY_ROOT = fileURLToPath(new URL("..", import.meta.url));

const backend = defineBackend({ auth });
const context = backend.stack.node;
const config = readDeploymentConfig(
  process.env,
  context.tryGetContext("amplify-backend-type"),
  context.tryGetContext("amplify-backend-name"),
);

const { userPool, userPoolClient, cfnResources } = backend.auth.resources;
// The app signs users in with the user pool only; the identity pool Amplify adds hands out no guest credentials.
cfnResources.cfnIdentityPool.allowUnauthenticatedIdentities = false;
const integrators = addIntegratorAccess(userPool, config.integrators, config.name, config.authDomainPrefix);

const apiStack = backend.createStack("CvApi");
const image = config.image
  ? lambda.DockerImageCode.fromEcr(ecr.Repository.fromRepositoryName(apiStack, "ApiImages", config.image.repository), {
      tagOrDigest: config.image.tagOrDigest,
    })
  : lambda.DockerImageCode.fromImageAsset(REPOSITORY_ROOT, { file: "Dockerfile", platform: Platform.LINUX_AMD64 });

const api = new CvApi(apiStack, "CvApi", {
  image,
  userPool,
  clientIds: [userPoolClient.userPoolClientId, ...integrators.clients.map((client) => client.userPoolClientId)],
  webOrigins: config.webOrigins,
  openAiSecretName: config.openAiSecretName,
  pineconeSecretName: config.pineconeSecretName,
  pineconeHost: config.pineconeHost,
  reservedConcurrency: config.reservedConcurrency,
  keepData: config.backendType === "branch",
});

new ApiObservability(apiStack, "Observability", {
  api,
  alarmEmail: config.alarmEmail,
  monthlyBudgetUsd: config.monthlyBudgetUsd,
});

// WAF cannot front an HTTP API: CloudFront does, with a web ACL made in us-east-1 (api/edge.ts, docs/security.md).
let apiUrl = api.url;
if (config.edge) {
  const webAclArnParameter = `/${backend.stack.stackName}/web-acl-arn`;
  const firewall = new EdgeFirewallStack(backend.stack.node.root, `${backend.stack.stackName}-firewall`, {
    parameterName: webAclArnParameter,
    rateLimit: config.wafRateLimit,
  });
  backend.stack.addStackDependency(firewall, "the distribution reads the web ACL's ARN");
  apiUrl = new ApiEdge(apiStack, "Edge", { api, webAclArnParameter }).url;
}

// amplify_outputs.json: Amplify writes `auth` (pool and web client ids); the API's address and the integrators'
// token endpoint go under `custom`, so one build of the web app runs against whichever deployment it is given.
// Integrators' client ids stay out: the file ships with the web app, and who integrates is nobody else's business.
backend.addOutput({
  custom: {
    cvmaker: {
      apiUrl,
      region: Stack.of(apiStack).region,
      tokenUrl: integrators.tokenUrl,
    },
  },
});
