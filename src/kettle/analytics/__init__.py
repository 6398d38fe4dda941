"""Team analytics (C6): what needs attention now and how the team did over a period.

``service`` answers the dashboard's questions for one viewer's scope,
``trends`` the period metrics, ``figures`` draws them with :mod:`kettle.charts`
and ``export`` writes them as CSV. Customer data is redacted throughout.
"""
