/** Deleting a CV: from the list, when an import is discarded, and when a tailored copy is. */
import { graphql } from "../gql";

export const DeleteCvMutation = graphql(`
  mutation DeleteCv($id: ID!) {
    deleteCv(id: $id) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);
