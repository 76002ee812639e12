import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the first admin user (username from ADMIN_USERNAME, default 'admin'). The password "
        "comes from ADMIN_PASSWORD, or is generated and printed once. With ADMIN_PASSWORD set, an "
        "existing admin's password is reset to it."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD", "")
        user = User.objects.filter(username=username).first()

        if user is not None and not password:
            self.stdout.write(
                f"Admin user '{username}' exists; password unchanged "
                "(run with ADMIN_PASSWORD=… to reset it)."
            )
            return

        generated = not password
        password = password or secrets.token_urlsafe(12)
        if user is None:
            user = User.objects.create_superuser(
                username=username, email=os.environ.get("ADMIN_EMAIL", ""), password=password
            )
            action = "Created"
        else:
            user.set_password(password)
            user.is_superuser = user.is_staff = user.is_active = True
            user.save()
            action = "Reset"
        shown = password if generated else "(the value of ADMIN_PASSWORD)"
        self.stdout.write(
            self.style.SUCCESS(f"{action} admin user. Log in at /admin/ as {username} / {shown}")
        )
