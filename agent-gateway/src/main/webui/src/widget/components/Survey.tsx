import { useState } from 'preact/hooks';
import { useT } from '../../i18n/preact';
import { ApiError, submitSurvey } from '../api';

/** Longest comment, in characters (code points), as the gateway and the conversation service count it. */
export const SURVEY_COMMENT_MAX = 1000;
const RATINGS = [1, 2, 3, 4, 5] as const;

type Phase = 'open' | 'sending' | 'done';

/**
 * The satisfaction survey after the end of a chat an agent took: a rating from 1 to 5 (a radio group, operable with
 * the keyboard), an optional comment, then a thank-you. Sent once: the button is gone after the answer, and a chat
 * already rated (409 SURVEY_ALREADY_SUBMITTED) shows the thank-you too.
 */
export function Survey({ conversationId, token }: { conversationId: string; token: string }) {
  const t = useT();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [phase, setPhase] = useState<Phase>('open');
  const [error, setError] = useState<string | null>(null);

  if (phase === 'done') {
    return (
      <section class="survey" aria-labelledby="survey-title" data-testid="survey">
        <p id="survey-title" class="survey-thanks" role="status" data-testid="survey-thanks">
          {t('survey.thanks')}
        </p>
      </section>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    if (rating === null) {
      setError(t('survey.ratingRequired'));
      return;
    }
    setPhase('sending');
    setError(null);
    try {
      await submitSurvey(conversationId, token, rating, comment.trim() ? comment : null);
      setPhase('done');
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : 'NETWORK';
      if (code === 'SURVEY_ALREADY_SUBMITTED') {
        setPhase('done');
        return;
      }
      setPhase('open');
      setError(t(code === 'MESSAGE_TOO_LONG' ? 'survey.tooLong' : 'survey.failed'));
    }
  };

  const length = [...comment].length;
  return (
    <section class="survey" aria-labelledby="survey-title" data-testid="survey">
      <h2 id="survey-title">{t('survey.title')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset class="survey-rating" aria-describedby={error ? 'survey-error' : undefined}>
          <legend>{t('survey.ratingLabel')}</legend>
          {RATINGS.map((value) => (
            <label key={value} class={rating !== null && value <= rating ? 'star on' : 'star'}>
              <input
                type="radio"
                name="survey-rating"
                value={value}
                checked={rating === value}
                data-testid={`survey-rating-${value}`}
                onChange={() => {
                  setRating(value);
                  setError(null);
                }}
              />
              <span aria-hidden="true">★</span>
              <span class="visually-hidden">{t(`survey.rating.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="survey-comment">{t('survey.commentLabel')}</label>
          <textarea
            id="survey-comment"
            data-testid="survey-comment"
            rows={3}
            value={comment}
            onInput={(event) => setComment([...(event.currentTarget as HTMLTextAreaElement).value].slice(0, SURVEY_COMMENT_MAX).join(''))}
            aria-describedby="survey-counter"
          />
          <span id="survey-counter" class="survey-counter">
            {t('survey.counter', { count: length, max: SURVEY_COMMENT_MAX })}
          </span>
        </div>
        {error && (
          <p id="survey-error" class="inline-error" role="alert" data-testid="survey-error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" data-testid="survey-submit" disabled={phase === 'sending'}>
          {phase === 'sending' ? t('survey.sending') : t('survey.submit')}
        </button>
      </form>
    </section>
  );
}
