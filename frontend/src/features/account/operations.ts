import { graphql } from "../../gql";

export const ExportMyDataMutation = graphql(`
  mutation ExportMyData {
    exportMyData {
      url
      filename
      bytes
      expiresAt
      counts {
        cvs
        revisions
        jobs
        coverLetters
        files
      }
    }
  }
`);

export const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount($password: String, $confirmation: String) {
    deleteMyAccount(password: $password, confirmation: $confirmation) {
      __typename
      ... on DeletedAccount {
        identityDeleted
      }
      ... on ValidationError {
        message
        fields {
          path
          message
        }
      }
      ... on LimitExceededError {
        message
      }
    }
  }
`);
