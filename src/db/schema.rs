// The one schema both backends share; see migrations/{sqlite,postgres}.

diesel::table! {
    service_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        password_hash -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    workspaces (id) {
        id -> Text,
        name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        network_version -> BigInt,
    }
}

diesel::table! {
    members (id) {
        id -> Text,
        workspace_id -> Text,
        user_id -> Text,
        role -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        removed_at -> Nullable<Timestamp>,
        digest_hour -> Integer,
        digest_time_zone -> Text,
        digest_sent_on -> Nullable<Date>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        workspace_id -> Text,
        user_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    contacts (id) {
        id -> Text,
        workspace_id -> Text,
        owner_id -> Text,
        first_name -> Text,
        last_name -> Nullable<Text>,
        emails -> Text,
        phones -> Text,
        company -> Nullable<Text>,
        company_key -> Nullable<Text>,
        title -> Nullable<Text>,
        industry -> Nullable<Text>,
        profession -> Nullable<Text>,
        relationship_kind -> Text,
        how_we_met -> Nullable<Text>,
        met_through_id -> Nullable<Text>,
        birthday_month -> Nullable<Integer>,
        birthday_day -> Nullable<Integer>,
        birthday_year -> Nullable<Integer>,
        tags -> Text,
        trust -> Nullable<Integer>,
        cadence_days -> Nullable<Integer>,
        notes -> Nullable<Text>,
        search_text -> Text,
        occasion_months -> Integer,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
        last_interaction_at -> Nullable<Timestamp>,
        next_touch_due_at -> Nullable<Timestamp>,
        overdue_at -> Nullable<Timestamp>,
        important_dates -> Text,
    }
}

diesel::table! {
    workspace_settings (workspace_id) {
        workspace_id -> Text,
        cadence_days -> Text,
        updated_at -> Timestamp,
        weekly_ask_goals -> Text,
    }
}

diesel::table! {
    interactions (id) {
        id -> Text,
        workspace_id -> Text,
        member_id -> Text,
        occurred_at -> Timestamp,
        channel -> Text,
        kind -> Text,
        kind_group -> Text,
        planned -> Bool,
        summary -> Nullable<Text>,
        notes -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    interaction_contacts (interaction_id, contact_id) {
        interaction_id -> Text,
        contact_id -> Text,
        workspace_id -> Text,
        occurred_at -> Timestamp,
        kind_group -> Text,
        planned -> Bool,
        kind -> Text,
    }
}

diesel::table! {
    idempotency_keys (workspace_id, idempotency_key) {
        workspace_id -> Text,
        idempotency_key -> Text,
        fingerprint -> Text,
        status_code -> Nullable<Integer>,
        response_headers -> Nullable<Text>,
        response_body -> Nullable<Binary>,
        created_at -> Timestamp,
        committed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    snoozes (id) {
        id -> Text,
        workspace_id -> Text,
        action_id -> Text,
        contact_id -> Text,
        hidden_until -> Nullable<Timestamp>,
        seen_last_interaction_at -> Nullable<Timestamp>,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    referral_requests (id) {
        id -> Text,
        workspace_id -> Text,
        referrer_id -> Text,
        member_id -> Text,
        target_contact_id -> Nullable<Text>,
        target_name -> Nullable<Text>,
        target_company -> Nullable<Text>,
        target_title -> Nullable<Text>,
        business_reason -> Nullable<Text>,
        ideal_introduction -> Nullable<Text>,
        notes -> Nullable<Text>,
        status -> Text,
        ask_channel -> Nullable<Text>,
        asked_at -> Nullable<Timestamp>,
        ask_interaction_id -> Nullable<Text>,
        agreed_at -> Nullable<Timestamp>,
        introduced_at -> Nullable<Timestamp>,
        meeting_held_at -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    referral_request_events (id) {
        id -> Text,
        request_id -> Text,
        status -> Text,
        member_id -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    introductions (id) {
        id -> Text,
        workspace_id -> Text,
        direction -> Text,
        member_id -> Text,
        referrer_id -> Nullable<Text>,
        prospect_id -> Nullable<Text>,
        request_id -> Nullable<Text>,
        first_contact_id -> Nullable<Text>,
        second_contact_id -> Nullable<Text>,
        interaction_id -> Nullable<Text>,
        status -> Text,
        introduced_at -> Timestamp,
        meeting_at -> Nullable<Timestamp>,
        deal_value_cents -> Nullable<BigInt>,
        currency -> Nullable<Text>,
        closed_at -> Nullable<Timestamp>,
        notes -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
        owes_thanks -> Bool,
        owes_outcome -> Bool,
    }
}

diesel::table! {
    connections (id) {
        id -> Text,
        workspace_id -> Text,
        from_contact_id -> Nullable<Text>,
        from_member_id -> Nullable<Text>,
        to_contact_id -> Nullable<Text>,
        to_member_id -> Nullable<Text>,
        kind -> Text,
        strength -> Integer,
        note -> Nullable<Text>,
        since -> Nullable<Date>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    invitations (workspace_id, id) {
        workspace_id -> Text,
        id -> Text,
        email -> Text,
        role -> Text,
        invited_by -> Text,
        status -> Text,
        expires_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    api_keys (workspace_id, id) {
        workspace_id -> Text,
        id -> Text,
        name -> Text,
        scopes -> Text,
        secret_hash -> Text,
        secret_hint -> Text,
        member_id -> Text,
        expires_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    external_ids (workspace_id, resource_type, resource_id, system, external_id) {
        workspace_id -> Text,
        resource_type -> Text,
        resource_id -> Text,
        system -> Text,
        external_id -> Text,
        created_at -> Timestamp,
        released_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    pending_changes (workspace_id, resource_type, resource_id, op) {
        workspace_id -> Text,
        resource_type -> Text,
        resource_id -> Text,
        op -> Text,
    }
}

diesel::table! {
    feed_heads (workspace_id) {
        workspace_id -> Text,
        seq -> BigInt,
        pruned_through -> BigInt,
    }
}

diesel::table! {
    changes (workspace_id, seq) {
        workspace_id -> Text,
        seq -> BigInt,
        resource_type -> Text,
        resource_id -> Text,
        op -> Text,
        version -> Nullable<BigInt>,
        changed_at -> Timestamp,
        data -> Nullable<Text>,
        merged_into -> Nullable<Text>,
    }
}

diesel::table! {
    contact_merges (duplicate_id) {
        workspace_id -> Text,
        duplicate_id -> Text,
        survivor_id -> Text,
        merged_at -> Timestamp,
    }
}

diesel::joinable!(api_keys -> members (member_id));
diesel::joinable!(interaction_contacts -> interactions (interaction_id));
diesel::joinable!(invitations -> workspaces (workspace_id));
diesel::joinable!(members -> users (user_id));
diesel::joinable!(members -> workspaces (workspace_id));
diesel::allow_tables_to_appear_in_same_query!(
    service_secrets,
    users,
    workspaces,
    members,
    refresh_tokens,
    contacts,
    idempotency_keys,
    interactions,
    interaction_contacts,
    workspace_settings,
    snoozes,
    referral_requests,
    referral_request_events,
    introductions,
    connections,
    invitations,
    api_keys,
    external_ids,
    pending_changes,
    feed_heads,
    changes,
    contact_merges,
    webhook_endpoints,
    webhook_cursors,
    webhook_deliveries,
    contact_emails,
    imports,
    import_errors
);

diesel::table! {
    webhook_endpoints (workspace_id, id) {
        workspace_id -> Text,
        id -> Text,
        url -> Text,
        description -> Text,
        event_types -> Text,
        member_id -> Nullable<Text>,
        enabled -> Bool,
        disabled_reason -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        since_seq -> BigInt,
        failing_since -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_cursors (workspace_id) {
        workspace_id -> Text,
        seq -> BigInt,
    }
}

diesel::table! {
    webhook_deliveries (workspace_id, id) {
        workspace_id -> Text,
        id -> Text,
        endpoint_id -> Text,
        event_type -> Text,
        seq -> Nullable<BigInt>,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        last_attempt_at -> Nullable<Timestamp>,
        last_status_code -> Nullable<Integer>,
        last_latency_ms -> Nullable<Integer>,
        last_response -> Nullable<Text>,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    contact_emails (workspace_id, email, contact_id) {
        workspace_id -> Text,
        email -> Text,
        contact_id -> Text,
    }
}

diesel::table! {
    imports (workspace_id, id) {
        workspace_id -> Text,
        id -> Text,
        member_id -> Text,
        format -> Text,
        preset -> Nullable<Text>,
        mapping -> Nullable<Text>,
        on_match -> Text,
        dry_run -> Bool,
        create_attendees -> Bool,
        status -> Text,
        body -> Text,
        unknown_columns -> Text,
        unmatched_attendees -> Text,
        total -> Integer,
        processed -> Integer,
        created -> Integer,
        updated -> Integer,
        skipped -> Integer,
        failed -> Integer,
        error -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    import_errors (workspace_id, import_id, row_number) {
        workspace_id -> Text,
        import_id -> Text,
        row_number -> Integer,
        line -> Nullable<Integer>,
        field -> Nullable<Text>,
        reason -> Text,
    }
}
