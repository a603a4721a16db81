import { z } from 'zod'

// Hello world calls no service: every state is flow control. This file only holds the data contract.

/** The execution input: whether this is the hello-world example, and who to greet. */
export const Greeting = z.object({
  IsHelloWorldExample: z.boolean(),
  name: z.string().min(1),
})
export type Greeting = z.infer<typeof Greeting>
