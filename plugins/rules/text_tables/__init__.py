"""Text against tables: figures stated in the narrative must agree with the tables
(``docs/report-format.md`` §5, "Text against tables"). Chinese numerals count too; they
are read with cn2an. The counts the narrative states are read with the claims grammar
(``grammars/claims.lark``, read by ``claims.py``), shared by the rules of the family.
"""

from __future__ import annotations

from ogilint.hookspec import hookimpl
from ogilint.plugins.rules.text_tables.TXT001_requests_received import RequestsReceived
from ogilint.plugins.rules.text_tables.TXT002_none_claims import NoneClaims
from ogilint.plugins.rules.text_tables.TXT003_review_counts import ReviewCounts
from ogilint.plugins.rules.text_tables.TXT004_normative_docs_issued import NormativeDocsIssued
from ogilint.plugins.rules.text_tables.TXT005_request_flow import RequestFlow
from ogilint.plugins.rules.text_tables.TXT006_all_requests_finished import AllRequestsFinished
from ogilint.plugins.rules.text_tables.TXT007_narrative_arithmetic import NarrativeArithmetic
from ogilint.plugins.rules.text_tables.TXT008_outcome_counts import OutcomeCounts
from ogilint.plugins.rules.text_tables.TXT009_all_upheld import AllUpheld


@hookimpl
def ogilint_rules():
    return [
        RequestsReceived,
        NoneClaims,
        ReviewCounts,
        NormativeDocsIssued,
        RequestFlow,
        AllRequestsFinished,
        NarrativeArithmetic,
        OutcomeCounts,
        AllUpheld,
    ]
