/**
 * Validation as you type: the validator chunk loads on first use, then each edit is checked after a
 * short pause.
 * @module
 */
import { useEffect, useState } from 'preact/hooks'
import type { SuiteValidation } from './suite-validation.ts'

type Validator = typeof import('./suite-validation.ts')

let validator: Promise<Validator> | undefined

/** Loads the validator (and core/suite) once */
export const loadValidator = (): Promise<Validator> => {
  validator ??= import('./suite-validation.ts')
  return validator
}

const DEBOUNCE_MS = 150

/** The validation of `text`, or undefined while the validator loads */
export const useSuiteValidation = (
  text: string,
  fileName: string,
  format?: 'yaml' | 'json',
): SuiteValidation | undefined => {
  const [result, setResult] = useState<SuiteValidation | undefined>(undefined)
  useEffect(() => {
    let live = true
    const timer = setTimeout(
      () => {
        void loadValidator().then((v) => {
          if (live) setResult(v.validateSuiteText(text, fileName, format))
        })
      },
      result ? DEBOUNCE_MS : 0,
    )
    return () => {
      live = false
      clearTimeout(timer)
    }
    // `result` only decides whether to wait
  }, [text, fileName, format])
  return result
}
