// VarselConfig: see its files.
