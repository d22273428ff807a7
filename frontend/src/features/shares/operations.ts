import { graphql } from "../../gql";

export const ShareLinksQuery = graphql(`
  query ShareLinks($cvId: ID, $letterId: ID) {
    shareLinks(cvId: $cvId, letterId: $letterId) {
      id
      url
      hasPassword
      expiresAt
      showContacts
      revoked
      active
      createdAt
      totalViews
      totalDownloads
      views {
        day
        count
      }
      downloads {
        day
        count
      }
    }
  }
`);

export const CreateShareLinkMutation = graphql(`
  mutation CreateShareLink($input: CreateShareLinkInput!, $idempotencyKey: String) {
    createShareLink(input: $input, idempotencyKey: $idempotencyKey) {
      __typename
      ... on ShareLink {
        id
        url
      }
      ... on ValidationError {
        message
        fields {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const RevokeShareLinkMutation = graphql(`
  mutation RevokeShareLink($id: ID!) {
    revokeShareLink(id: $id) {
      __typename
      ... on ShareLink {
        id
        revoked
        active
      }
      ... on Error {
        message
      }
    }
  }
`);

export const UpdateShareLinkMutation = graphql(`
  mutation UpdateShareLink($id: ID!, $input: UpdateShareLinkInput!) {
    updateShareLink(id: $id, input: $input) {
      __typename
      ... on ShareLink {
        id
        hasPassword
        showContacts
      }
      ... on Error {
        message
      }
    }
  }
`);
