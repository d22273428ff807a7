import { graphql } from "../../gql";

export const ReadabilityReportQuery = graphql(`
  query ReadabilityReport($cvId: ID!, $format: ReadableFormat!) {
    readabilityReport(cvId: $cvId, format: $format) {
      __typename
      ... on ReadabilityReport {
        score
        format
        template
        summary
        advice
        fields {
          path
          label
          status
          expected
          read
        }
      }
      ... on QuotaExceededError {
        message
        retryAfter
      }
      ... on Error {
        message
      }
    }
  }
`);
