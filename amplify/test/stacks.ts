import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as ecr from "aws-cdk-lib/aws-ecr";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { CvApi, type CvApiProps } from "../api/cv-api";

export const WEB_ORIGIN = "https://main.d1abc.amplifyapp.com";

/** The API construct in a plain stack with its own user pool: no Amplify, no Docker, no account. */
export function apiStack(overrides: Partial<CvApiProps> = {}): { stack: Stack; api: CvApi; template: Template } {
  const app = new App();
  const stack = new Stack(app, "Api", { env: { account: "123456789012", region: "eu-west-1" } });
  const userPool = new cognito.UserPool(stack, "Pool");
  const api = new CvApi(stack, "CvApi", {
    image: lambda.DockerImageCode.fromEcr(ecr.Repository.fromRepositoryName(stack, "Images", "cvmaker-api"), {
      tagOrDigest: "v1",
    }),
    userPool,
    clientIds: ["web-client", "acme-client"],
    webOrigins: [WEB_ORIGIN],
    openAiSecretName: "cvmaker/openai",
    pineconeSecretName: "cvmaker/pinecone",
    pineconeHost: "https://cv-abc.svc.pinecone.io",
    reservedConcurrency: 10,
    keepData: true,
    ...overrides,
  });
  return { stack, api, template: Template.fromStack(stack) };
}

export function only<T = Record<string, any>>(template: Template, type: string): { id: string; resource: T } {
  const found = Object.entries(template.findResources(type));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return { id: found[0][0], resource: found[0][1] as T };
}
