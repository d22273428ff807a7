import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import type { Auth } from "../auth/AuthContext";
import possibleTypes from "../gql/possible-types";

/** fetch with the access token; a 401 gets one refresh and retry, then the person is signed out. */
export function authorizedFetch(auth: Auth, fetchFn: typeof fetch = (...a) => window.fetch(...a)): typeof fetch {
  return async (input, init) => {
    const send = (token: string | null) => {
      const headers = new Headers(init?.headers);
      if (token) headers.set("authorization", `Bearer ${token}`);
      return fetchFn(input, { ...init, headers });
    };
    const response = await send(await auth.getAccessToken());
    if (response.status !== 401) return response;
    const fresh = await auth.refreshAccessToken();
    if (fresh) return send(fresh);
    await auth.signOut();
    return response;
  };
}

export function createApolloClient(auth: Auth, apiUrl: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: `${apiUrl}/graphql`, fetch: authorizedFetch(auth) }),
    cache: new InMemoryCache({
      possibleTypes: possibleTypes.possibleTypes,
      typePolicies: {
        // Revisions are values of one CV, not entities of their own.
        CvRevision: { keyFields: false },
        Query: { fields: { cvs: { keyArgs: false, merge: false } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
}
