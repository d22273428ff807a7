import { graphql } from "../../gql";

export const CvListQuery = graphql(`
  query CvList($after: String) {
    cvs(first: 50, after: $after) {
      edges {
        node {
          id
          ...CvCard_cv
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateCvMutation = graphql(`
  mutation CreateCv($input: CvInput!, $idempotencyKey: String) {
    createCv(input: $input, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Cv {
        id
      }
      ... on Error {
        message
      }
    }
  }
`);

export const RenameCvMutation = graphql(`
  mutation RenameCv($id: ID!, $version: Int!, $title: String!) {
    updateCv(id: $id, version: $version, input: { title: $title }) {
      __typename
      ... on Cv {
        id
        title
        version
        updatedAt
      }
      ... on VersionConflictError {
        currentVersion
      }
      ... on Error {
        message
      }
    }
  }
`);

export const DuplicateCvMutation = graphql(`
  mutation DuplicateCv($id: ID!, $idempotencyKey: String) {
    duplicateCv(id: $id, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Cv {
        id
        title
      }
      ... on Error {
        message
      }
    }
  }
`);
