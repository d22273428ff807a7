import { defineAuth } from "@aws-amplify/backend";

/**
 * People sign in with their email address, verified by a code on sign-up. Amplify makes the user pool and the
 * web app's public client (no secret; SRP sign-in). The integrators' side (resource server, scopes, machine
 * clients, token domain) is added in `integrators.ts`, because `defineAuth` has no client-credentials clients.
 */
export const auth = defineAuth({
  loginWith: {
    email: {
      verificationEmailStyle: "CODE",
      verificationEmailSubject: "Your CV Maker verification code",
      verificationEmailBody: (code) => `Your CV Maker verification code is ${code()}`,
    },
  },
  accountRecovery: "EMAIL_ONLY",
});
