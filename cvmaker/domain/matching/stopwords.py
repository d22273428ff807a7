"""Common English and job-posting words that never make a keyword on their own."""

STOPWORDS = frozenset("""
a about above across after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves etc via per within without across
able ability abilities work working works worked team teams role roles job jobs company companies people experience
experiences experienced skills skill strong excellent good great new including include includes related using use
used across well world global help helps helping make makes making build building built develop developing
development design designing deliver delivering drive driving lead leading manage managing support supporting
across ensure create creating provide providing like want join opportunity opportunities responsibilities
responsibility qualifications qualification required requirements requirement preferred plus years year least
minimum must need needs needed candidate candidates position positions level levels based business businesses
customer customers product products service services solution solutions technology technologies technical
within time every day days part full best high large scale across key core value values impact across other
others one two three first equivalent related field fields area areas environment environments microsoft
knowledge understanding demonstrated proven track record closely across multiple various different
passionate passion looking seeking join hire hiring apply applicants application applications employer employment
""".split())
