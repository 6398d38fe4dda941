"""QA over archives: per-conversation scorecards rolled up into a team report.

:mod:`kettle.qa.report` accumulates scored rows as they stream past,
:mod:`kettle.qa.root_causes` groups the customers' underlying issues into a
Pareto, and :mod:`kettle.qa.html` draws the report (inline SVG, no scripts).
"""
