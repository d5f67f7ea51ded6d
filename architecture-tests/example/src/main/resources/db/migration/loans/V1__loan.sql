-- member_id and isbn are the other modules' identifiers, kept without a foreign key into their tables.
CREATE TABLE loan
(
  id          UUID PRIMARY KEY,
  member_id   UUID NOT NULL,
  isbn        TEXT NOT NULL,
  opened_on   DATE NOT NULL,
  due_on      DATE NOT NULL,
  returned_on DATE
);
CREATE INDEX loan_open_by_member ON loan (member_id) WHERE returned_on IS NULL;
CREATE INDEX loan_open_by_isbn ON loan (isbn) WHERE returned_on IS NULL;
