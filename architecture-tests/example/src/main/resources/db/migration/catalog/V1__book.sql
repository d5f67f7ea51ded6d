CREATE TABLE book
(
  isbn   TEXT PRIMARY KEY,
  title  TEXT NOT NULL,
  author TEXT NOT NULL,
  copies INT  NOT NULL CHECK (copies >= 0)
);
