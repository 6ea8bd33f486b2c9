-- Sign-ins as Kafka announced them, so a user session token is minted only for a browser
-- session that a real sign-in began: the gateway's UserLoggedIn (its event id and the
-- browser session it belongs to) and user-provisioning's UserChanged answering it (event
-- id derived from the UserLoggedIn's, naming the user). Rows older than the longest
-- browser session are purged.
create table sign_in_session (
    login_event_id uuid         primary key,
    session_id     varchar(200) not null,
    signed_in_at   timestamptz  not null
);

create index sign_in_session_signed_in_at on sign_in_session (signed_in_at);

create table sign_in_answer (
    answer_event_id uuid         primary key,
    user_id         varchar(200) not null,
    answered_at     timestamptz  not null
);

create index sign_in_answer_answered_at on sign_in_answer (answered_at);
