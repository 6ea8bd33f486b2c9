-- Browser sessions signed out at the gateway (UserSignedOut): tokens naming one as sid are
-- refused from then on. A row is needed only while such a token can live (at most a day).
create table ended_session (
    session_id varchar(200) primary key,
    user_id    varchar(200) not null,
    ended_at   timestamptz  not null
);

create index ended_session_ended_at on ended_session (ended_at);
