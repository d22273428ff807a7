"""The cloud shape's adapters: DynamoDB (CVs), S3 (files). boto3 is imported only when one of them is built."""
