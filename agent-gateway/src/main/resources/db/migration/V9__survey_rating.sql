-- The customer's satisfaction survey, projected from SurveySubmitted: the rating shown in the agent's history and
-- whether a survey was already recorded (the gateway then answers 409 at once). Set once: the first one stays.
alter table conversation_summary add column survey_rating int;
