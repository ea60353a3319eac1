"""Fees: table 二's 行政事业性收费 amount (万元) and the 信息处理费 statement of part 六
(``docs/report-format.md`` §6; 《政府信息公开信息处理费管理办法》国办函〔2020〕109号)."""

from __future__ import annotations

from ogilint.hookspec import hookimpl
from ogilint.plugins.rules.fees.FEE001_fee_unit_typed import FeeUnitTyped
from ogilint.plugins.rules.fees.FEE002_fee_decimals import FeeDecimals
from ogilint.plugins.rules.fees.FEE003_fee_implausible import FeeImplausible
from ogilint.plugins.rules.fees.FEE004_processing_fee_statement import ProcessingFeeStatement
from ogilint.plugins.rules.fees.FEE005_unpaid_fee_without_statement import UnpaidFeeWithoutStatement


@hookimpl
def ogilint_rules():
    return [FeeUnitTyped, FeeDecimals, FeeImplausible, ProcessingFeeStatement, UnpaidFeeWithoutStatement]
