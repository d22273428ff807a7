"""Query texts shared by the GraphQL suites, written as a client would."""

CV_FIELDS = """
fragment CvFields on Cv {
  id title version createdAt updatedAt summary sourceCvId
  basics { name headline email phone location links { label url } }
  sections { id kind title visible items {
    id visible title organization location startDate endDate current description bullets keywords url } }
  design { template accentColor fontFamily fontSize pageSize margins }
}
"""

RESULT = """
  __typename
  ... on Cv { ...CvFields }
  ... on NotFoundError { message }
  ... on ValidationError { message fields { path message } }
  ... on VersionConflictError { message currentVersion }
"""

CREATE = CV_FIELDS + "mutation($input: CvInput!) { createCv(input: $input) {" + RESULT + "} }"
UPDATE = CV_FIELDS + (
    "mutation($id: ID!, $version: Int!, $input: CvInput!) { updateCv(id: $id, version: $version, input: $input) {"
    + RESULT
    + "} }"
)
GET = CV_FIELDS + "query($id: ID!) { cv(id: $id) { ...CvFields } }"
DELETE = (
    "mutation($id: ID!) { deleteCv(id: $id) { __typename ... on Deleted { id } ... on NotFoundError { message } } }"
)

SAMPLE_INPUT = {
    "title": "Software engineer CV",
    "basics": {
        "name": "Ada Lovelace",
        "headline": "Backend engineer",
        "email": "ada@example.com",
        "phone": "+44 20 7946 0958",
        "location": "London, UK",
        "links": [{"label": "GitHub", "url": "https://github.com/ada"}],
    },
    "summary": "Engineer who likes correct software.",
    "sections": [
        {
            "kind": "EXPERIENCE",
            "items": [
                {
                    "title": "Senior Engineer",
                    "organization": "Analytical Engines Ltd",
                    "location": "London",
                    "startDate": "2021-03",
                    "current": True,
                    "bullets": ["Built the billing pipeline", "Cut latency 40%"],
                },
                {
                    "title": "Engineer",
                    "organization": "Difference Co",
                    "startDate": "2018-01",
                    "endDate": "2021-02",
                    "bullets": ["Shipped the first API"],
                },
            ],
        },
        {"kind": "SKILLS", "items": [{"title": "Languages", "keywords": ["Python", "Go", "SQL"]}]},
    ],
}
