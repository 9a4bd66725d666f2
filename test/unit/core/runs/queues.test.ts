import { describe, expect, it } from 'vitest'
import { createLocalQueue } from '../../../../core/runs/local-queue.ts'
import { formatSliceMessage, parseSliceMessage, type SliceMessage } from '../../../../core/runs/queue.ts'
import { createSqsQueue, type SqsBatchEntry } from '../../../../core/runs/sqs-queue.ts'

const message = (slice: number): SliceMessage => ({
  teamId: 't',
  runId: 'r',
  slice,
  start: slice * 10,
  end: slice * 10 + 10,
})

describe('parseSliceMessage', () => {
  it('reads back what formatSliceMessage wrote', () => {
    expect(parseSliceMessage(formatSliceMessage(message(3)))).toEqual(message(3))
  })

  it.each([
    ['not json', '{'],
    ['not an object', '[1]'],
    ['a missing run id', '{"teamId":"t","slice":0,"start":0,"end":1}'],
    ['a negative slice', '{"teamId":"t","runId":"r","slice":-1,"start":0,"end":1}'],
    ['an end before its start', '{"teamId":"t","runId":"r","slice":0,"start":5,"end":1}'],
  ])('answers undefined when given %s', (_what, text) => {
    expect(parseSliceMessage(text)).toBeUndefined()
  })
})

describe('createLocalQueue', () => {
  it('processes every message with at most `concurrency` at once', async () => {
    let active = 0
    let peak = 0
    const done: number[] = []
    const queue = createLocalQueue({
      concurrency: 3,
      process: async (m) => {
        active++
        peak = Math.max(peak, active)
        await new Promise((resolve) => setTimeout(resolve, 5))
        done.push(m.slice)
        active--
      },
      onFailure: async () => undefined,
    })
    await queue.enqueue(Array.from({ length: 10 }, (_, i) => message(i)))
    await queue.idle()
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(peak).toBe(3)
    expect(queue.pending()).toBe(0)
  })

  it('retries a failing message, then hands it to onFailure', async () => {
    const attempts: number[] = []
    const failed: SliceMessage[] = []
    const queue = createLocalQueue({
      attempts: 3,
      process: async (m) => {
        attempts.push(m.slice)
        if (m.slice === 1) throw new Error('boom')
      },
      onFailure: async (m) => {
        failed.push(m)
      },
    })
    await queue.enqueue([message(0), message(1)])
    await queue.idle()
    expect(attempts.filter((s) => s === 1)).toHaveLength(3)
    expect(failed).toEqual([message(1)])
  })

  it('drops waiting messages and refuses new ones when closed', async () => {
    const seen: number[] = []
    const queue = createLocalQueue({
      concurrency: 1,
      process: async (m) => {
        seen.push(m.slice)
        await new Promise((resolve) => setTimeout(resolve, 20))
      },
      onFailure: async () => undefined,
    })
    await queue.enqueue([message(0), message(1), message(2)])
    await new Promise((resolve) => setTimeout(resolve, 5))
    await queue.close()
    expect(seen).toEqual([0])
    await expect(queue.enqueue([message(3)])).rejects.toThrow(/closed/)
  })
})

describe('createSqsQueue', () => {
  it('sends batches of at most 10 and retries the entries sqs refused', async () => {
    const calls: SqsBatchEntry[][] = []
    let refusedOnce = false
    const queue = createSqsQueue({
      queueUrl: 'https://sqs/q',
      sender: {
        sendMessageBatch: async (input) => {
          calls.push([...input.Entries])
          if (!refusedOnce) {
            refusedOnce = true
            return { Failed: [{ Id: '3', Message: 'throttled', SenderFault: false }] }
          }
          return {}
        },
      },
    })
    await queue.enqueue(Array.from({ length: 23 }, (_, i) => message(i)))
    expect(calls.map((c) => c.length)).toEqual([10, 1, 10, 3])
    expect(parseSliceMessage(calls[1]![0]!.MessageBody)).toEqual(message(3))
  })

  it('throws when sqs refuses an entry for the sender fault', async () => {
    const queue = createSqsQueue({
      queueUrl: 'q',
      sender: {
        sendMessageBatch: async () => ({ Failed: [{ Id: '0', Message: 'too big', SenderFault: true }] }),
      },
    })
    await expect(queue.enqueue([message(0)])).rejects.toThrow(/too big/)
  })
})
