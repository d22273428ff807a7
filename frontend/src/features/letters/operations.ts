import { graphql } from "../../gql";

export const LetterFieldsFragment = graphql(`
  fragment LetterFields on CoverLetter {
    id
    cvId
    title
    text
    version
    updatedAt
    warnings
  }
`);

export const CvLettersQuery = graphql(`
  query CvLetters($cvId: ID) {
    coverLetters(cvId: $cvId) {
      id
      title
      version
      updatedAt
    }
  }
`);

export const LetterQuery = graphql(`
  query Letter($id: ID!) {
    coverLetter(id: $id) {
      ...LetterFields
    }
  }
`);

export const UpdateLetterMutation = graphql(`
  mutation UpdateLetter($id: ID!, $version: Int!, $input: CoverLetterInput!) {
    updateCoverLetter(id: $id, version: $version, input: $input) {
      __typename
      ... on CoverLetter {
        ...LetterFields
      }
      ... on VersionConflictError {
        message
        currentVersion
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

export const LetterRevisionsQuery = graphql(`
  query LetterRevisions($id: ID!) {
    coverLetterRevisions(id: $id) {
      revision
      savedAt
      title
    }
  }
`);

export const RestoreLetterRevisionMutation = graphql(`
  mutation RestoreLetterRevision($id: ID!, $revision: Int!, $version: Int!) {
    restoreCoverLetterRevision(id: $id, revision: $revision, version: $version) {
      __typename
      ... on CoverLetter {
        ...LetterFields
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

export const DeleteLetterMutation = graphql(`
  mutation DeleteLetter($id: ID!) {
    deleteCoverLetter(id: $id) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const RenderLetterMutation = graphql(`
  mutation RenderLetter($id: ID!, $format: RenderFormat!) {
    renderCoverLetter(id: $id, format: $format) {
      __typename
      ... on RenderedFile {
        url
      }
      ... on Error {
        message
      }
    }
  }
`);
