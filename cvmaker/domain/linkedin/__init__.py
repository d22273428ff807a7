"""A LinkedIn data export ("Get a copy of your data": a zip of CSV files) read into a JSON Resume document.

`read_linkedin_export(data)` reads the zip's bytes in memory (`archive`: entry count, declared and actual sizes
capped, nothing written to disk), each CV file as a table (`tables`: a byte-order mark, "Notes:" lines before the
header, quoted multi-line cells, tabs in older exports), and each row into a JSON Resume entry (`sections`, then
`reading`). The result goes on to `cvmaker.domain.json_resume.read_json_resume`, the one place dates, open ends
and every other spelling are normalised; `LinkedInExport.translated` names that reader's warnings by file, row
and column ("Positions.csv row 3, Started On"). `looks_like_linkedin_export` tells an export from a Word file,
which is a zip too.

    export file            JSON Resume                   columns
    Profile.csv            basics                        First Name + Last Name -> name, Headline -> label,
                                                         Summary, Geo Location (else Address, Zip Code) ->
                                                         location, Websites and Twitter Handles -> profiles
    Email Addresses.csv    basics.email                  the Primary address, else the first Confirmed one
    PhoneNumbers.csv       basics.phone                  the first Mobile number, else the first; Extension
    Positions.csv          work                          Company Name, Title, Location, Started On, Finished On
                                                         (empty: the current role), Description -> summary, its
                                                         bullet lines -> highlights
    Education.csv          education                     School Name, Degree Name, Field Of Study (where
                                                         present), Start Date, End Date, Notes and Activities ->
                                                         courses (shown as the item's bullets)
    Skills.csv             skills                        Name
    Languages.csv          languages                     Name, Proficiency -> fluency
    Certifications.csv     certificates                  Name, Authority -> issuer, Url, Started On -> date
    Projects.csv           projects                      Title, Description, Url, Started On, Finished On
    Honors.csv             awards                        Title, Issuer, Issued On, Description
    Publications.csv       publications                  Name, Publisher, Published On, Url, Description
    Volunteering.csv       volunteer                     Company Name, Role, Started On, Finished On, Cause and
                                                         Description -> summary
    Courses.csv            a custom section "Courses"    Name, Number
    Patents.csv, Test Scores.csv, Organizations.csv      custom sections, every column kept as a line

Any other column with a value (a certification's Finished On and License Number, a profile's Birth Date, Maiden
Name, Industry, Instant Messengers, an address beside the Geo Location, a second email or phone) is left out
with a warning that carries its words. Files outside this table (Connections.csv, messages.csv, ...) are not
decompressed.

The column names rest on what public sources show of real exports. The Profile.csv header above is quoted in
full in a 2018 blog post by an export's owner (blog.danjoannis.com, "Linked In Throttles Data Checkout").
JMPerez/linkedin-to-json-resume (src/js/main.ts) reads Positions, Education, Profile, Languages, Projects,
Publications and PhoneNumbers by position in exactly the column orders above, Email Addresses with tabs in older
exports, and names the export Basic_LinkedInDataExport_MM-DD-YYYY.zip. szabgab/linkedin-csv.rs (src/lib.rs)
reads Skills.csv as one Name column and skips the "Notes:" lines before Connections.csv's header. Independent
write-ups of exports list Certifications.csv as Name, Url, Authority, Started On, Finished On, License Number,
Honors.csv as Title, Description, Issued On, Publications.csv as Name, Published On, Description, Publisher,
Url, and Volunteering.csv as Company Name, Role, Cause, Started On, Finished On, Description, with dates as
"Mon YYYY" or "YYYY" and a blank Finished On for a current role. Some exports add Field Of Study to
Education.csv or Issuer to Honors.csv; both are read where present. No public source found shows the columns of
Patents.csv, Test Scores.csv or Organizations.csv, which is why they keep every column.
"""

from cvmaker.domain.linkedin.archive import looks_like_linkedin_export
from cvmaker.domain.linkedin.reading import ExportWarning, LinkedInExport, read_linkedin_export

__all__ = ["ExportWarning", "LinkedInExport", "looks_like_linkedin_export", "read_linkedin_export"]
