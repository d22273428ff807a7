"""The application tracker: a job posting, the CV version sent to it, a letter, a stage with its history."""
