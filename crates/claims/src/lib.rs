//! Claims: quantities (percentages, amounts, counts) with what they measure and who is cited for them.
