import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as cognito from "aws-cdk-lib/aws-cognito";
import { addIntegratorAccess } from "../auth/integrators";

function authStack(domainPrefix: string | null = null) {
  const stack = new Stack(new App(), "Auth", { env: { account: "123456789012", region: "eu-west-1" } });
  const pool = new cognito.UserPool(stack, "Pool");
  const access = addIntegratorAccess(
    pool,
    [
      { name: "acme", scopes: ["read", "write"] },
      { name: "reader-co", scopes: ["read"] },
    ],
    "feature/Cool-Branch",
    domainPrefix,
  );
  return { stack, access, template: Template.fromStack(stack) };
}

function clients(template: Template): Record<string, any> {
  return Object.fromEntries(
    Object.values(template.findResources("AWS::Cognito::UserPoolClient")).map((client: any) => [
      client.Properties.ClientName,
      client.Properties,
    ]),
  );
}

describe("integrator access", () => {
  const { stack, access, template } = authStack();

  it("is a resource server named cvmaker with read and write scopes (cvmaker/read, cvmaker/write)", () => {
    template.hasResourceProperties("AWS::Cognito::UserPoolResourceServer", {
      Identifier: "cvmaker",
      Scopes: [
        { ScopeName: "read", ScopeDescription: "Read CVs, jobs and renders" },
        { ScopeName: "write", ScopeDescription: "Create, change and delete CVs and jobs" },
      ],
    });
  });

  it("gives each integrator a confidential client allowed only the client-credentials flow and its scopes", () => {
    const byName = clients(template);
    assert.deepEqual(Object.keys(byName).sort(), ["integrator-acme", "integrator-reader-co"]);
    for (const client of Object.values(byName)) {
      assert.equal(client.GenerateSecret, true);
      assert.deepEqual(client.AllowedOAuthFlows, ["client_credentials"]);
      assert.equal(client.AllowedOAuthFlowsUserPoolClient, true);
      assert.equal(client.CallbackURLs, undefined);
      assert.deepEqual(client.SupportedIdentityProviders, ["COGNITO"]);
      assert.deepEqual(client.ExplicitAuthFlows ?? [], [], "no user sign-in flow: a program has no user");
      assert.equal(client.AccessTokenValidity, 60);
    }
    const scopes = (name: string) => JSON.stringify(byName[name].AllowedOAuthScopes);
    assert.match(scopes("integrator-acme"), /\/read".*\/write"/);
    assert.doesNotMatch(scopes("integrator-reader-co"), /write/);
  });

  it("serves tokens from a domain named after the branch and the account", () => {
    const domain: any = Object.values(template.findResources("AWS::Cognito::UserPoolDomain"))[0];
    const prefix = JSON.stringify(domain.Properties.Domain);
    assert.match(prefix, /cvmaker-feature-cool-branch/);
    assert.match(prefix, /AWS::AccountId/);
    assert.match(JSON.stringify(stack.resolve(access.tokenUrl)), /\.auth\.eu-west-1\.amazoncognito\.com\/oauth2\/token/);
    const given = authStack("my-cvmaker-login").template;
    given.hasResourceProperties("AWS::Cognito::UserPoolDomain", { Domain: "my-cvmaker-login" });
  });
});
