CREATE TABLE notification
(
  id         BIGSERIAL PRIMARY KEY,
  recipient  TEXT                     NOT NULL,
  subject    TEXT                     NOT NULL,
  body       TEXT                     NOT NULL,
  sent_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
