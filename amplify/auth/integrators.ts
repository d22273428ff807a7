import { Aws, Duration, Fn } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type { Integrator } from "../config";

/** The API's resource server: its scopes reach tokens as `cvmaker/read` and `cvmaker/write`, the names the
 * API's verifier (cvmaker/adapters/jwt_verifier.py, MACHINE_SCOPES) accepts from machine clients. */
export const RESOURCE_SERVER = "cvmaker";

export interface IntegratorAccess {
  resourceServer: cognito.UserPoolResourceServer;
  domain: cognito.UserPoolDomain;
  /** Where integrators exchange their client id and secret for an access token. */
  tokenUrl: string;
  clients: cognito.UserPoolClient[];
}

function domainPrefix(name: string, given: string | null): string {
  if (given) return given;
  // Globally unique per region: the account id tells two deployments of the same branch apart.
  const branch = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 24) || "main";
  return Fn.join("-", ["cvmaker", branch.replace(/aws|amazon|cognito/g, "x"), Aws.ACCOUNT_ID]);
}

/**
 * Third-party programs call the API with access tokens from the client-credentials flow: a resource server
 * with `read` and `write` scopes, the hosted token endpoint (a user-pool domain), and one confidential client
 * per integrator, allowed only that flow and only its scopes.
 */
export function addIntegratorAccess(
  userPool: cognito.IUserPool,
  integrators: readonly Integrator[],
  name: string,
  givenDomainPrefix: string | null,
): IntegratorAccess {
  const read = new cognito.ResourceServerScope({ scopeName: "read", scopeDescription: "Read CVs, jobs and renders" });
  const write = new cognito.ResourceServerScope({ scopeName: "write", scopeDescription: "Create, change and delete CVs and jobs" });
  const resourceServer = userPool.addResourceServer("CvMakerResourceServer", {
    identifier: RESOURCE_SERVER,
    userPoolResourceServerName: "CV Maker API",
    scopes: [read, write],
  });
  const domain = userPool.addDomain("TokenDomain", { cognitoDomain: { domainPrefix: domainPrefix(name, givenDomainPrefix) } });
  const scopes = { read, write };
  const clients = integrators.map(
    (integrator) =>
      userPool.addClient(`Integrator-${integrator.name}`, {
        userPoolClientName: `integrator-${integrator.name}`,
        generateSecret: true,
        authFlows: {},
        oAuth: {
          flows: { clientCredentials: true },
          scopes: integrator.scopes.map((scope) => cognito.OAuthScope.resourceServer(resourceServer, scopes[scope])),
        },
        accessTokenValidity: Duration.hours(1),
        enableTokenRevocation: true,
        preventUserExistenceErrors: true,
      }),
  );
  const tokenUrl = `${domain.baseUrl()}/oauth2/token`;
  return { resourceServer, domain, tokenUrl, clients };
}
