import type { HistoryEvent } from '@statewright/runtime'

/** The names of the states an execution entered, in order. */
export const enteredStates = (history: readonly HistoryEvent[]): string[] =>
  history.flatMap((event) => {
    const details = event.stateEnteredEventDetails
    return details === undefined ? [] : [String(details['name'])]
  })
