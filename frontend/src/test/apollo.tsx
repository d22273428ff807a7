import { InMemoryCache } from "@apollo/client";
import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import possibleTypes from "../gql/possible-types";
import { ToastProvider } from "../ui/Toasts";

/** The providers a screen needs, with the API replaced by recorded answers. */
export function WithApi({ mocks, children }: { mocks: MockLink.MockedResponse[]; children: ReactNode }) {
  return (
    <MockedProvider mocks={mocks} cache={new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes })}>
      <MemoryRouter>
        <ToastProvider>{children}</ToastProvider>
      </MemoryRouter>
    </MockedProvider>
  );
}
