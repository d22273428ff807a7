import { graphql } from "../../gql";

export const ApplicationCardFragment = graphql(`
  fragment ApplicationCard_application on Application {
    id
    version
    jobId
    jobTitle
    company
    cvId
    cvTitle
    cvRevision
    letterId
    stage
    appliedOn
    followUp
    matchScore
    notes
    contacts {
      name
      role
      email
      phone
    }
    history {
      stage
      on
    }
    warnings {
      path
      message
    }
  }
`);

export const ApplicationsQuery = graphql(`
  query Applications(
    $stage: [ApplicationStage!]
    $cvId: ID
    $followUpBefore: Date
    $after: String
  ) {
    applications(stage: $stage, cvId: $cvId, followUpBefore: $followUpBefore, first: 50, after: $after) {
      edges {
        node {
          id
          ...ApplicationCard_application
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** What the application form chooses from: the person's saved jobs and CVs. */
export const ApplicationChoicesQuery = graphql(`
  query ApplicationChoices {
    jobs(first: 50) {
      edges {
        node {
          id
          title
          company
        }
      }
    }
    cvs(first: 50) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const LettersOfCvQuery = graphql(`
  query LettersOfCv($cvId: ID!) {
    coverLetters(cvId: $cvId) {
      id
      jobId
      createdAt
    }
  }
`);

export const CreateApplicationMutation = graphql(`
  mutation CreateApplication($input: ApplicationInput!, $idempotencyKey: String) {
    createApplication(input: $input, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Application {
        id
        ...ApplicationCard_application
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

export const UpdateApplicationMutation = graphql(`
  mutation UpdateApplication($id: ID!, $version: Int!, $input: ApplicationUpdateInput!) {
    updateApplication(id: $id, version: $version, input: $input) {
      __typename
      ... on Application {
        id
        ...ApplicationCard_application
      }
      ... on ValidationError {
        message
        fields {
          path
          message
        }
      }
      ... on VersionConflictError {
        message
        currentVersion
      }
      ... on Error {
        message
      }
    }
  }
`);

export const MoveApplicationMutation = graphql(`
  mutation MoveApplication($id: ID!, $version: Int!, $stage: ApplicationStage!, $on: Date) {
    moveApplication(id: $id, version: $version, stage: $stage, on: $on) {
      __typename
      ... on Application {
        id
        ...ApplicationCard_application
      }
      ... on VersionConflictError {
        message
        currentVersion
      }
      ... on Error {
        message
      }
    }
  }
`);

export const DeleteApplicationMutation = graphql(`
  mutation DeleteApplication($id: ID!) {
    deleteApplication(id: $id) {
      __typename
      ... on Deleted {
        id
      }
      ... on Error {
        message
      }
    }
  }
`);
