CREATE TABLE library_member
(
  id     UUID PRIMARY KEY,
  name   TEXT    NOT NULL,
  email  TEXT    NOT NULL UNIQUE,
  active BOOLEAN NOT NULL DEFAULT TRUE
);
