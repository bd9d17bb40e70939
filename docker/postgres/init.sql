-- One role and one database per service: each service owns its tables and nobody else's.
create role masking login password 'masking';
create database livechat_masking owner masking;
create role routing login password 'routing';
create database livechat_routing owner routing;
create role conversation login password 'conversation';
create database livechat_conversation owner conversation;
create role gateway login password 'gateway';
create database livechat_gateway owner gateway;
