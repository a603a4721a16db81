// Owned by the validator work: validateStateMachine() and Diagnostic.
export {}
