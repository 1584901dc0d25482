// VarselApp: see its files.
