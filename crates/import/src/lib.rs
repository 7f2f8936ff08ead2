//! Importers for TABARI and PETRARCH dictionaries, into aras's own dictionary format.
