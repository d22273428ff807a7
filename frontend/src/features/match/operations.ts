import { graphql } from "../../gql";

export const JobsQuery = graphql(`
  query Jobs {
    jobs(first: 20) {
      edges {
        node {
          id
          title
          company
          createdAt
        }
      }
    }
  }
`);

export const CreateJobMutation = graphql(`
  mutation CreateJob($input: JobInput!, $idempotencyKey: String) {
    createJob(input: $input, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Job {
        id
        title
        company
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

export const MatchCvMutation = graphql(`
  mutation MatchCv($cvId: ID!, $jobId: ID!) {
    matchCv(cvId: $cvId, jobId: $jobId) {
      __typename
      ... on Match {
        ...MatchResult_match
      }
      ... on Error {
        message
      }
    }
  }
`);

export const TailorCvMutation = graphql(`
  mutation TailorCv($cvId: ID!, $jobId: ID!, $idempotencyKey: String) {
    tailorCv(cvId: $cvId, jobId: $jobId, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Tailored {
        cv {
          id
          ...EditorCv_cv
        }
        changes {
          path
          before
          after
          reason
          sourceItemIds
        }
        rejected {
          path
          before
          after
          reason
          sourceItemIds
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const CoverLetterMutation = graphql(`
  mutation GenerateCoverLetter($cvId: ID!, $jobId: ID!, $idempotencyKey: String) {
    generateCoverLetter(cvId: $cvId, jobId: $jobId, idempotencyKey: $idempotencyKey) {
      __typename
      ... on CoverLetter {
        id
        text
      }
      ... on Error {
        message
      }
    }
  }
`);
