import { graphql } from "../../gql";

export const CvPhotoQuery = graphql(`
  query CvPhoto($cvId: ID!) {
    cvPhoto(cvId: $cvId) {
      key
      url
    }
  }
`);

export const CreatePhotoUploadMutation = graphql(`
  mutation CreatePhotoUpload($filename: String!, $contentType: String!, $size: Int!, $idempotencyKey: String) {
    createPhotoUpload(filename: $filename, contentType: $contentType, size: $size, idempotencyKey: $idempotencyKey) {
      __typename
      ... on UploadTicket {
        uploadId
        url
        method
        fields
        maxBytes
      }
      ... on ValidationError {
        message
      }
      ... on Error {
        message
      }
    }
  }
`);

export const SetCvPhotoMutation = graphql(`
  mutation SetCvPhoto($cvId: ID!, $version: Int!, $uploadId: ID!, $crop: PhotoCropInput) {
    setCvPhoto(cvId: $cvId, version: $version, uploadId: $uploadId, crop: $crop) {
      __typename
      ... on Cv {
        id
        version
        basics {
          photo
        }
      }
      ... on VersionConflictError {
        currentVersion
      }
      ... on ValidationError {
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

export const RemoveCvPhotoMutation = graphql(`
  mutation RemoveCvPhoto($cvId: ID!, $version: Int!) {
    removeCvPhoto(cvId: $cvId, version: $version) {
      __typename
      ... on Cv {
        id
        version
        basics {
          photo
        }
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
